#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that has the .NET SDK, then runs every test.
# Ends with one line: "N passed, N failed, N skipped" over every test project.
set -uo pipefail
cd "$(dirname "$0")"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# Debian packages: a PostgreSQL server the tests start themselves, kcat as a real Kafka client (Confluent.Kafka brings
# its own librdkafka from NuGet), Node.js for Confluent's JavaScript Schema Registry client.
packages=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || packages+=(postgresql)
command -v kcat >/dev/null || packages+=(kcat)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing ${packages[*]}"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null || {
    echo "apt-get install ${packages[*]} failed"; exit 1; }
fi

# JavaScript clients written outside the project, driven by the end-to-end tests.
for dir in tests/clients/*/; do
  if [ -f "$dir/package.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci in $dir failed"; exit 1; }
  fi
done

results=artifacts/test-results
rm -rf "$results"
dotnet build Governance.sln -c Release -nologo -v quiet || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet test Governance.sln -c Release --no-build -nologo --logger trx --results-directory "$results" "$@"
status=$?
python3 build/count-tests.py "$results" || status=1
exit $status
