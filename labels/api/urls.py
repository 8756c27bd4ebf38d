from django.urls import path

from . import views

urlpatterns = [
    path("frameworks/", views.FrameworkListView.as_view(), name="api-framework-list"),
    path("frameworks/current/", views.framework_current, name="api-framework-current"),
    path("frameworks/<slug:code>/<str:version>/", views.framework_detail, name="api-framework-detail"),
]
