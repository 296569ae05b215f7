from django.urls import path

from carai.kpis import views

app_name = "kpis"

urlpatterns = [
    path("community/kpis/", views.kpi_dashboard, name="dashboard"),
    path("community/kpis/status/", views.kpi_status, name="status"),
    path("community/kpis/rapport/", views.kpi_report, name="report"),
    path("community/kpis/export.<str:fmt>", views.kpi_export, name="export"),
]
