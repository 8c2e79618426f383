#!/usr/bin/env bash
# Builds every image deploy/ uses with the .NET SDK (no Dockerfile): each project that names a
# ContainerRepository, tagged with PlatformVersion (Directory.Build.props), running as the non-root
# `app` user. scripts/images.sh [registry]
#   with a registry (e.g. registry.example.org): pushed there, as the production overlay names them;
#   without: loaded into the local container daemon (docker or podman).
# The SDK pulls the base images (mcr.microsoft.com/dotnet/aspnet, runtime) from their registry, so this
# needs network access and, without a registry argument, a container daemon; CI does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
registry="${1:-}"
mapfile -t projects < <(grep -rl --include='*.csproj' '<ContainerRepository>' gateway services web tools | sort)
for project in "${projects[@]}"; do
  args=(publish "$project" -c Release --os linux --arch x64 -t:PublishContainer -nologo -v quiet)
  [ -n "$registry" ] && args+=("-p:ContainerRegistry=$registry")
  echo "images: $project"
  dotnet "${args[@]}"
done
