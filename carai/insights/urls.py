from django.urls import path

from carai.insights import views

app_name = "insights"

urlpatterns = [
    path("community/volwassenheid/", views.community, name="community"),
    path("volwassenheid/<slug:slug>/", views.maturity_home, name="home"),
    path("volwassenheid/<slug:slug>/nieuw/", views.round_start, name="round_start"),
    path("volwassenheid/<slug:slug>/<int:round_id>/", views.round_detail, name="round_detail"),
    path(
        "volwassenheid/<slug:slug>/<int:round_id>/invullen/",
        views.round_answer,
        name="round_answer",
    ),
    path(
        "volwassenheid/<slug:slug>/<int:round_id>/sluiten/", views.round_close, name="round_close"
    ),
]
