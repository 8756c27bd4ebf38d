from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .two_factor import record_second_factor_on_activation

        authenticator_added.connect(record_second_factor_on_activation, dispatch_uid="accounts.second_factor")
