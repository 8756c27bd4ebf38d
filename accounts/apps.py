from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from clusterexcellence.notifications import register_notification
        from clusterexcellence.registry import (
            register_api_root,
            register_dashboard_section,
            register_job_target,
            register_nav,
            register_role,
        )

        from . import dashboard
        from .two_factor import record_second_factor_on_activation

        authenticator_added.connect(record_second_factor_on_activation, dispatch_uid="accounts.second_factor")

        # Django admin's own sign-in form would skip the second factor: it sends to the portal's.
        from django.contrib import admin

        from .views.sign_in import admin_login

        admin.site.login = lambda request, extra_context=None: admin_login(request)
        from .models import Invitation

        register_notification("accounts.invitation", template="accounts/email/invitation")
        # An invitation's name shows its organisation: load both at once in the lists of failed work.
        register_job_target(Invitation, queryset=Invitation.objects.select_related("organisation"))

        # The scheme's own roles are flags on User (see CONTRIBUTING.md, "Roles"); app roles live in their app.
        register_role("staff", label=_("Secretariat"), held_by=lambda user: user.is_staff)
        register_role("assessor", label=_("Assessor"), held_by=lambda user: user.is_assessor)
        register_role("board", label=_("Label board member"), held_by=lambda user: user.is_board_member)

        register_nav("dashboard", label=_("Dashboard"), url_name="dashboard", order=10)
        register_nav("organisations", label=_("Organisations"), url_name="organisation_list", order=20)
        register_nav(
            "admin", label=_("Administration"), url_name="admin:index", order=800, shown_to=lambda u: u.is_staff
        )

        register_dashboard_section(
            "organisations",
            template="accounts/dashboard/organisations.html",
            order=10,
            shown_to=dashboard.organisations_shown_to,
            load=dashboard.organisations_load,
        )
        register_dashboard_section(
            "account", template="accounts/dashboard/account.html", order=90, load=dashboard.account_load
        )

        register_api_root("auth-token", url_name="api-token", order=0)
        register_api_root("auth-tokens", url_name="api-token-list", order=1)
        register_api_root("organisations", url_name="api-organisation-list", order=10)
