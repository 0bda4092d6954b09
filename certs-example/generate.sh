#!/usr/bin/env bash
# Regenerates the example PKI in this directory: builds the pouch command-line tool with the project's
# Maven wrapper, then runs `pouch pki example --out certs-example --force`. Needs only a JDK (17 or later).
# Example material only; see README.md in this directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "${here}/.." && pwd)"
cd "${project}"

# Build the gateway module and what it needs, and write its runtime class path to a file. The dependency
# plugin's version is pinned here because the project's POMs do not manage it.
./mvnw -q -B -DskipTests -pl gateway -am package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath

java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java="${JAVA_HOME}/bin/java"
fi

"${java}" -cp "gateway/target/classes:$(cat gateway/target/runtime.classpath)" \
  org.pouch.gateway.cli.PouchCli pki example --out certs-example --force
