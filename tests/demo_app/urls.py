from django.urls import path

from . import views

app_name = "demo_app"
urlpatterns = [
    path("demo-app/", views.page, name="page"),
    path("api/demo-app/", views.api, name="api"),
]
