#!/usr/bin/env bash
# Builds every image deploy/ uses with the .NET SDK (no Dockerfile): each project that names a
# ContainerRepository, tagged with PlatformVersion (Directory.Build.props), running as the non-root
# `app` user. scripts/images.sh [registry]
#   with a registry (e.g. registry.example.org): pushed there, as the production overlay names them;
#   without: loaded into the local container daemon (docker or podman).
# The SDK pulls the base images (mcr.microsoft.com/dotnet/aspnet, runtime) from their registry, so this
# needs network access and, without a registry argument, a container daemon; CI does not run it.
# IMAGES_BASE_REGISTRY=host[:port] pulls the same base images (the SDK's own choice of name and tag)
# from a mirror of mcr.microsoft.com instead, e.g. where only an internal registry is reachable
# (scripts/images-check.sh uses it with a base image it builds).
set -euo pipefail
cd "$(dirname "$0")/.."
registry="${1:-}"
base_registry="${IMAGES_BASE_REGISTRY:-}"
mapfile -t projects < <(grep -rl --include='*.csproj' '<ContainerRepository>' gateway services web tools | sort)
for project in "${projects[@]}"; do
  args=(publish "$project" -c Release --os linux --arch x64 -t:PublishContainer -nologo -v quiet)
  [ -n "$registry" ] && args+=("-p:ContainerRegistry=$registry")
  if [ -n "$base_registry" ]; then
    # The SDK infers aspnet or runtime (and the tag) from the project; only the registry changes.
    base="$(dotnet msbuild "$project" -nologo -t:ComputeContainerBaseImage -getProperty:ContainerBaseImage \
      -p:RuntimeIdentifier=linux-x64)"
    args+=("-p:ContainerBaseImage=$base_registry/${base#mcr.microsoft.com/}")
  fi
  echo "images: $project"
  dotnet "${args[@]}"
done
