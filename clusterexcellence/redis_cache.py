"""Django's Redis cache, keeping one Redis client per connection pool instead of making one for
every call: redis-py fills a table of about 170 response callbacks for each client it makes, which
cost a signed-in page served from the cache about as much as the look-up itself. A client is safe
to share between threads (every command takes a connection from the pool)."""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
