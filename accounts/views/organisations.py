from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.models import Organisation


@login_required
def organisation_list(request):
    organisations = Organisation.objects.visible_to(request.user)
    return render(request, "accounts/organisation_list.html", {"organisations": organisations})
