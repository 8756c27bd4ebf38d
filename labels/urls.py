from django.urls import path
from django.views.generic import TemplateView

app_name = "labels"
urlpatterns = [
    path("catalogue/", TemplateView.as_view(template_name="labels/catalogue.html"), name="catalogue"),
]
