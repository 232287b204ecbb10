from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lumbar.accounts"
    label = "accounts"
