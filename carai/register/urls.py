from django.urls import path

from carai.register.views import check, guidelines, tools, transfer

app_name = "register"

urlpatterns = [
    path("ai-register/<slug:slug>/", tools.register_home, name="home"),
    path("ai-register/<slug:slug>/nieuw/", tools.tool_create, name="tool_create"),
    path("ai-register/<slug:slug>/tools/<int:tool_id>/", tools.tool_detail, name="tool_detail"),
    path(
        "ai-register/<slug:slug>/tools/<int:tool_id>/wijzigen/", tools.tool_edit, name="tool_edit"
    ),
    path(
        "ai-register/<slug:slug>/tools/<int:tool_id>/geschiedenis/",
        tools.tool_history,
        name="tool_history",
    ),
    path("ai-register/<slug:slug>/catalogus/", tools.template_list, name="templates"),
    path("ai-register/<slug:slug>/publiceren/", tools.register_publish, name="publish"),
    path("ai-register/<slug:slug>/export.json", transfer.export_json, name="export_json"),
    path(
        "ai-register/<slug:slug>/export-carai.json",
        transfer.export_companion_json,
        name="export_companion_json",
    ),
    path("ai-register/<slug:slug>/export.csv", transfer.export_csv, name="export_csv"),
    path("ai-register/<slug:slug>/import/", transfer.import_csv, name="import_csv"),
    path(
        "ai-register/<slug:slug>/import/<int:import_id>/",
        transfer.import_status,
        name="import_status",
    ),
    path("ai-register/<slug:slug>/richtlijnen/", guidelines.guidelines, name="guidelines"),
    path(
        "ai-register/<slug:slug>/richtlijnen/nieuw/",
        guidelines.guideline_edit,
        name="guideline_edit",
    ),
    path(
        "ai-register/<slug:slug>/richtlijnen/gelezen/",
        guidelines.acknowledgements,
        name="acknowledgements",
    ),
    path("ai-register/<slug:slug>/mag-dit/", check.check, name="check"),
    path("openbaar/ai-register/<slug:slug>/", tools.public_register, name="public"),
]
