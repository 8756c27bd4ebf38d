"""The user's own account page: the language of their e-mails and the notifications they received."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.forms import LanguageForm
from accounts.two_factor import has_totp
from clusterexcellence.notifications import notifications_of

NOTIFICATIONS_PER_PAGE = 20
NOTIFICATION_COLUMNS = [gettext_lazy("Subject"), gettext_lazy("Received"), ""]


@login_required
def account(request):
    """Shows the account; a POST changes the language of the user's e-mails."""
    form = LanguageForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            _("From now on the portal writes to you in %(language)s.")
            % {"language": form.instance.get_language_display()},
        )
        return redirect("account_profile")
    notifications = Paginator(notifications_of(request.user), NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "has_totp": has_totp(request.user),
            "notifications": notifications,
            "unread": any(delivery.read_at is None for delivery in notifications),
            "notification_columns": NOTIFICATION_COLUMNS,
        },
        status=400 if form.errors else 200,
    )
