from django.urls import path

from carai.practice import views

app_name = "practice"

urlpatterns = [
    path("privacycheck/", views.privacy_check, name="privacy_check"),
]
