from django.urls import path

from carai.overview import views

app_name = "overview"

urlpatterns = [
    path("overzicht/", views.dashboard, name="dashboard"),
    path("partners/", views.partner_list, name="partner_list"),
    path("zoeken/", views.search, name="search"),
]
