"""Member profiles: one profile page, its photo, and editing one's own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clusterexcellence.actions import attempt
from clusterexcellence.page_cache import cached_page

from .. import permissions, profiles
from ..choices import Visibility
from ..forms import PhotoForm, ProfileForm
from ..models import Profile
from ..text import bio_html
from .access import member_required


def _visible_profile(request, public_id) -> Profile:
    """The profile if the viewer may see it (public: everyone; members only: members), else 404."""
    queryset = Profile.objects.visible_to(request.user).select_related("user")
    return get_object_or_404(queryset, public_id=public_id)


@cached_page
def profile_detail(request, public_id):
    profile = _visible_profile(request, public_id)
    context = {
        "profile": profile,
        "bio": bio_html(profile.bio, profile.bio_format),
        "can_contact": request.user.is_authenticated and permissions.can_contact_profile(request.user, profile),
        "is_own": request.user.is_authenticated and profile.user_id == request.user.pk,
    }
    return render(request, "club/profile_detail.html", context)


@require_GET
def profile_photo(request, public_id):
    """The only way to a photo: the same scope as the profile, so a members-only photo stays with members."""
    profile = _visible_profile(request, public_id)
    if not profile.photo:
        raise Http404
    try:
        handle = profile.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    # A members-only photo must not sit in a shared cache; a public one may.
    response["Cache-Control"] = (
        "public, max-age=300" if profile.visibility == Visibility.PUBLIC else "private, no-store"
    )
    return response


@member_required
def profile_edit(request):
    """The member's own profile, whatever its visibility."""
    profile = Profile.objects.filter(user=request.user).first()
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=profile)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            result, status = attempt(form, lambda: profiles.profile_update(user=request.user, **fields))
            if result is not None:
                messages.success(request, _("Your profile was saved."))
                return redirect("club:profile_edit")
    profile = Profile.objects.filter(user=request.user).first()
    context = {"form": form, "photo_form": PhotoForm(), "profile": profile}
    return render(request, "club/profile_edit.html", context, status=status)


@require_POST
@member_required
def photo_upload(request):
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            profiles.profile_photo_set(user=request.user, upload=form.cleaned_data["photo"])
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, _("Your photo was saved."))
    else:
        messages.error(request, " ".join(form.errors.get("photo", [])) or _("Choose a photo to upload."))
    return redirect("club:profile_edit")


@require_POST
@member_required
def photo_remove(request):
    profiles.profile_photo_remove(user=request.user)
    messages.success(request, _("Your photo was removed."))
    return redirect("club:profile_edit")
