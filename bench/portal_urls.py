from django.http import HttpResponse
from django.urls import include, path


def signed_in(request):
    return HttpResponse(f"hello {request.user.pk}")


urlpatterns = [path("bench/signed-in/", signed_in), path("", include("clusterexcellence.urls"))]
