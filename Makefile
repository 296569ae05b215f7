.PHONY: run test lint format demo messages mutation
run:      ## start the platform with the demo community on http://127.0.0.1:8000
	bash bin/run
test:     ## every quality gate and the complete test suite
	bash bin/test
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy .
format:
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .
demo:
	.venv/bin/python manage.py carai_demo
messages: ## update and compile translations (see docs/translations.md)
	.venv/bin/python manage.py makemessages -l nl -l en --no-obsolete --ignore=.venv --ignore=static/vendor --ignore=tests
	.venv/bin/python manage.py compilemessages --ignore=.venv
mutation: ## mutation testing of the rule modules (docs/testing.md); MODULES="carai/x.py ..." for some
	bash bin/mutation $(MODULES)
