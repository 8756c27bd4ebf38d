"""A user marks the notifications they received as read (listed on their account page)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..models import NotificationDelivery
from ..notifications import notifications_mark_read


def _back(request):
    """To the page the form was on (`next`), never to another site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(settings.LOGIN_REDIRECT_URL)


@require_POST
@login_required
def notification_read(request, public_id):
    """Mark one of the user's notifications as read; someone else's is not found."""
    delivery = get_object_or_404(NotificationDelivery.objects.filter(recipient=request.user), public_id=public_id)
    notifications_mark_read(user=request.user, deliveries=[delivery])
    return _back(request)


@require_POST
@login_required
def notifications_read_all(request):
    notifications_mark_read(user=request.user)
    return _back(request)
