# Kopuro's developer entry points. `make test` is the README's test
# command and what .ci/run calls after installing system packages.

GO ?= go

.PHONY: test vet build demo fuzz

# SQLite, then PostgreSQL (see scripts/test).
test:
	scripts/test

vet:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

build:
	$(GO) build -o kopuro ./cmd/kopuro

demo:
	$(GO) run ./cmd/kopuro serve --demo

# Long fuzzing for development; CI runs the seed corpora only (in `test`).
FUZZTIME ?= 3m
fuzz:
	$(GO) test -run XXX -fuzz FuzzGeneric -fuzztime $(FUZZTIME) ./importer/
