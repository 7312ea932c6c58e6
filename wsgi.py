from careercenter import create_app

app = create_app()
