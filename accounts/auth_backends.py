"""Django's and allauth's authentication backends, with the signed-in user of a request read from
the cache while the users table is unchanged (clusterexcellence/data_versions.py): every signed-in
request loads its user, and a query costs more than the cached page it then serves. Any change of
a user (password, active flag, roles) is a write to that table, so the next request reads the row
again, and Django still checks the session against the password on every request. The cache then
holds users' rows, password hashes included, as the database does: Redis must be as private.
Changing these paths signed everybody out once (a session names its backend)."""

from allauth.account import auth_backends
from django.contrib.auth import backends

from clusterexcellence import data_versions

USER_CACHE_SECONDS = 300


class _RememberedUser:
    def get_user(self, user_id):
        load = super().get_user  # None for an unknown or inactive user, which is not kept
        return data_versions.remember(
            f"user:{user_id}", "accounts.user", lambda: load(user_id), timeout=USER_CACHE_SECONDS
        )


class ModelBackend(_RememberedUser, backends.ModelBackend):
    pass


class AuthenticationBackend(_RememberedUser, auth_backends.AuthenticationBackend):
    pass
