from django.urls import path

from carai.register import views

app_name = "register"

urlpatterns = [
    path("ai-register/<slug:slug>/", views.register_home, name="home"),
    path("ai-register/<slug:slug>/nieuw/", views.tool_create, name="tool_create"),
    path("ai-register/<slug:slug>/tools/<int:tool_id>/", views.tool_detail, name="tool_detail"),
    path(
        "ai-register/<slug:slug>/tools/<int:tool_id>/wijzigen/", views.tool_edit, name="tool_edit"
    ),
    path(
        "ai-register/<slug:slug>/tools/<int:tool_id>/geschiedenis/",
        views.tool_history,
        name="tool_history",
    ),
    path("ai-register/<slug:slug>/catalogus/", views.template_list, name="templates"),
    path("ai-register/<slug:slug>/publiceren/", views.register_publish, name="publish"),
    path("ai-register/<slug:slug>/export.json", views.export_json, name="export_json"),
    path("ai-register/<slug:slug>/export.csv", views.export_csv, name="export_csv"),
    path("ai-register/<slug:slug>/import/", views.import_csv, name="import_csv"),
    path("ai-register/<slug:slug>/richtlijnen/", views.guidelines, name="guidelines"),
    path("ai-register/<slug:slug>/richtlijnen/nieuw/", views.guideline_edit, name="guideline_edit"),
    path(
        "ai-register/<slug:slug>/richtlijnen/gelezen/",
        views.acknowledgements,
        name="acknowledgements",
    ),
    path("ai-register/<slug:slug>/mag-dit/", views.check, name="check"),
    path("openbaar/ai-register/<slug:slug>/", views.public_register, name="public"),
]
