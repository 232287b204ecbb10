app_name = "studio"
urlpatterns = []
