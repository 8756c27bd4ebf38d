"""The signed-in person's API tokens: list them and revoke one (new ones come from the API)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.api_tokens import api_token_revoke, api_tokens_of
from accounts.models import ApiToken


@login_required
def api_token_list(request):
    return render(request, "accounts/api_tokens.html", {"tokens": api_tokens_of(request.user)})


@require_POST
@login_required
def api_token_revoke_view(request, public_id):
    # Only the owner's own tokens are in scope: anyone else's is a 404.
    token = get_object_or_404(ApiToken, public_id=public_id, user=request.user)
    api_token_revoke(token=token, by=request.user)
    messages.success(
        request, _("The token %(name)s was revoked; programs using it are refused from now on.") % {"name": token}
    )
    return redirect("api_token_list")
