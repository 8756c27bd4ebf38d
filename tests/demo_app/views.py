from django.http import HttpResponse
from rest_framework.decorators import api_view
from rest_framework.response import Response


def page(request):
    return HttpResponse("The demo app's page.")


@api_view(["GET"])
def api(request):
    return Response({"detail": "The demo app's API."})
