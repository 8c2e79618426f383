#!/usr/bin/env bash
# Proves that scripts/images.sh builds every image the manifests name and that each one starts, on a
# machine with neither a container daemon nor a route to mcr.microsoft.com: scripts/images-check.sh
#   1. a registry on loopback (Debian's docker-registry, the CNCF distribution registry);
#   2. base images equal in content to mcr.microsoft.com/dotnet/runtime and aspnet built here: a
#      Debian minbase root file system (debootstrap, from the mirror apt already uses) with the
#      runtime-deps packages, the `app` user (uid/gid 1654) and the installed SDK's runtimes under
#      /usr/share/dotnet, with Microsoft's environment; pushed to that registry with skopeo;
#   3. scripts/images.sh itself, pushing to that registry and pulling its bases from it;
#   4. every image of the production overlay checked through the registry API (config, non-root user,
#      entry point) and started as the kubelet would, without a daemon: layers unpacked in order
#      (whiteouts honoured), read-only root, a /tmp of its own, uid 1654, the manifest's environment
#      (secrets generated), inside a network namespace of its own where PostgreSQL and Redis run under
#      the manifests' host names. The provisioning Job and the init containers run first; each service
#      must answer 200 on /alive at its manifest's http port.
# Prints one line per image and exits 1 on any failure. Needs root and Debian packages (installed if
# missing) and the mirror; takes several minutes, so CI does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

# ---------------------------------------------------------------------------------------------------
# Phase 2 (run by phase 1 below, inside `unshare --net --mount --pid --fork`): start the Job, the init
# containers and the services from the unpacked images. Arguments: the work folder.
# ---------------------------------------------------------------------------------------------------
if [ "${1:-}" = "--inside" ]; then
  work="$2"
  ip link set lo up
  bindir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -1)"
  as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
  secret() { cat "$work/secrets/$1/$2"; }

  # The manifests' PostgreSQL and Redis, on their own ports: this namespace has a loopback of its own.
  pgdata="$work/pg/data"
  install -d -o postgres -g postgres -m 700 "$work/pg" "$pgdata"
  secret complaints-postgres-superuser password >"$work/pg/pw"
  chown postgres "$work/pg/pw"
  "${as_postgres[@]}" "$bindir/initdb" -D "$pgdata" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 --pwfile="$work/pg/pw" >/dev/null
  "${as_postgres[@]}" "$bindir/pg_ctl" -D "$pgdata" -w -t 60 -l "$work/pg/log" \
    -o "-p 5432 -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize no \
    --requirepass "$(secret complaints-platform redis-password)" >"$work/redis.log" 2>&1 &
  redis_pid=$!

  # One container as the kubelet runs it: the image's root read-only, a fresh /tmp and /dev, /proc,
  # the image's environment then the manifest's, uid/gid 1654, in the image's working directory.
  # Arguments: image rootfs folder, pod name, container JSON (from the rendered overlay); the
  # command starts in the background and its pid is left in $container_pid.
  start_container() {
    local rootfs="$1" name="$2" container="$3" config
    config="$(cat "$rootfs.config.json")"
    local mnt="$work/mnt/$name"
    mkdir -p "$mnt"
    mount --bind "$rootfs" "$mnt"
    mount -o remount,bind,ro "$mnt"
    mount -t proc proc "$mnt/proc"
    mount -t tmpfs -o size=64m,mode=1777 tmpfs "$mnt/tmp"
    mount -t tmpfs -o mode=755 tmpfs "$mnt/dev"
    local node
    for node in null zero full random urandom; do
      touch "$mnt/dev/$node"
      mount --bind "/dev/$node" "$mnt/dev/$node"
    done
    local -a env cmd
    # Image Env first, then the manifest's (Kubernetes expands $(NAME) from earlier entries).
    mapfile -t env < <(jq -r --argjson container "$container" --slurpfile secrets "$work/secrets.json" \
      --slurpfile cm "$work/configmap.json" '
      [.config.Env[] | capture("^(?<name>[^=]+)=(?<value>.*)$")] as $image
      | ($container.env // []) as $pod
      | reduce ($image + [{name: "HOME", value: "/home/app"}] + $pod)[] as $e ({};
          . as $acc
          | .[$e.name] = (if $e.value != null then ($e.value | gsub("\\$\\((?<n>[A-Za-z0-9_.-]+)\\)"; $acc[.n] // "$(\(.n))"))
                          elif $e.valueFrom.secretKeyRef then $secrets[0][$e.valueFrom.secretKeyRef.name][$e.valueFrom.secretKeyRef.key]
                          elif $e.valueFrom.configMapKeyRef then $cm[0][$e.valueFrom.configMapKeyRef.key]
                          else "" end))
      | to_entries[] | "\(.key)=\(.value)"' <<<"$config")
    mapfile -t cmd < <(jq -r --argjson container "$container" \
      '(($container.command // .config.Entrypoint // []) + ($container.args // .config.Cmd // []))[]' <<<"$config")
    local workdir
    workdir="$(jq -r '.config.WorkingDir // "/"' <<<"$config")"
    # chroot starts at /: the image's env(1) moves to its working directory (a shell would drop the
    # variables whose names have a dash, e.g. ConnectionStrings__intake-db) and finds the entry point
    # on the image's PATH.
    env -i "${env[@]}" chroot --userspec=1654:1654 --groups=1654 "$mnt" /usr/bin/env -C "$workdir" -- "${cmd[@]}" \
      >"$work/logs/$name.log" 2>&1 &
    container_pid=$!
  }
  stop_container() {
    local name="$1" pid="$2"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    umount -R "$work/mnt/$name"
  }
  # Runs a container to completion (a Job or an init container); fails after 120 s or on exit != 0.
  run_to_completion() {
    local rootfs="$1" name="$2" container="$3"
    status=0
    start_container "$rootfs" "$name" "$container"
    local pid=$container_pid
    ( sleep 120; kill -TERM "$pid" 2>/dev/null ) &
    local timer=$!
    wait "$pid" || status=$?
    kill "$timer" 2>/dev/null || true
    umount -R "$work/mnt/$name"
    if [ "$status" -ne 0 ]; then
      echo "images-check: $name exited with $status:" >&2
      tail -20 "$work/logs/$name.log" >&2 || true
      return 1
    fi
    echo "images-check: $name: $(tail -1 "$work/logs/$name.log")"
  }
  rootfs_of() { echo "$work/rootfs/$(jq -r '.image | sub("^.*/"; "") | sub(":"; "_")' <<<"$1")"; }

  mkdir -p "$work/logs"
  failed=0
  # The provisioning Job first (the database, each service's login and schema), as in the cluster.
  while IFS= read -r job; do
    container="$(jq -c '.spec.template.spec.containers[0]' <<<"$job")"
    name="$(jq -r '.metadata.name' <<<"$job")"
    start=$(date +%s.%N)
    run_to_completion "$(rootfs_of "$container")" "$name" "$container" || failed=1
    printf '%s\t%s\t%s\t%s\t%s\n' "$(jq -r .image <<<"$container")" "-" "exit $status" \
      "$(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f')" "-" >>"$work/results.tsv"
  done < <(jq -c '.[] | select(.kind == "Job")' "$work/workloads.json")

  # Each Deployment: its init containers to completion, then its own container until /alive answers.
  while IFS= read -r deployment; do
    name="$(jq -r '.metadata.name' <<<"$deployment")"
    ok=1
    while IFS= read -r init; do
      run_to_completion "$(rootfs_of "$init")" "$name-$(jq -r .name <<<"$init")" "$init" || ok=0
    done < <(jq -c '.spec.template.spec.initContainers // [] | .[]' <<<"$deployment")
    container="$(jq -c --arg n "$name" '.spec.template.spec.containers[] | select(.name == $n)' <<<"$deployment")"
    port="$(jq -r '.ports[] | select(.name == "http") | .containerPort' <<<"$container")"
    path="$(jq -r '.livenessProbe.httpGet.path' <<<"$container")"
    alive="-" seconds="-" health="-"
    if [ "$ok" -eq 1 ]; then
      start=$(date +%s.%N)
      start_container "$(rootfs_of "$container")" "$name" "$container"
      pid=$container_pid
      # The startup probe's budget: 60 attempts 2 s apart.
      for _ in $(seq 1 120); do
        alive="$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$port$path" || true)"
        [ "$alive" = "200" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      seconds="$(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f')"
      # Readiness is reported, not required: it also depends on peers this check does not start.
      health="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/health" || true)"
      stop_container "$name" "$pid"
    fi
    if [ "$alive" != "200" ]; then
      failed=1
      echo "images-check: $name did not answer $path on $port:" >&2
      tail -30 "$work/logs/$name.log" >&2 || true
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$(jq -r .image <<<"$container")" "$port" "$alive" "$seconds" "$health" >>"$work/results.tsv"
  done < <(jq -c '.[] | select(.kind == "Deployment")' "$work/workloads.json")

  kill "$redis_pid" 2>/dev/null || true
  "${as_postgres[@]}" "$bindir/pg_ctl" -D "$pgdata" -w -m fast stop >/dev/null
  exit "$failed"
fi

# ---------------------------------------------------------------------------------------------------
# Phase 1: packages, registry, base images, the build, the registry checks, unpacking.
# ---------------------------------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || { echo "images-check: run as root (debootstrap, chroot, namespaces)" >&2; exit 1; }
began=$(date +%s)
missing=()
command -v docker-registry >/dev/null || missing+=(docker-registry)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v skopeo >/dev/null || missing+=(skopeo)
command -v jq >/dev/null || missing+=(jq)
command -v bc >/dev/null || missing+=(bc)
command -v redis-server >/dev/null || missing+=(redis-server)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
command -v node >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "images-check: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The repository's own renderer of the overlay (as tests/Deploy.Tests uses it).
[ -d deploy/validate/node_modules ] || (cd deploy/validate && npm ci --no-audit --no-fund --loglevel=error)

work="$(mktemp -d)"
# PostgreSQL runs as `postgres` under this folder.
chmod 711 "$work"
registry_pid=""
# shellcheck disable=SC2317 # run by the trap
cleanup() {
  if [ -n "$registry_pid" ]; then
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A free loopback port below the ephemeral range, so no client socket takes it first.
port=""
for candidate in $(shuf -i 20000-29999 -n 50); do
  if [ -z "$(ss -Hltn "sport = :$candidate")" ]; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "images-check: no free port" >&2; exit 1; }
registry="127.0.0.1:$port"

mkdir -p "$work/registry"
cat >"$work/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $work/registry
  delete:
    enabled: true
http:
  addr: $registry
YAML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://$registry/v2/" && break
  sleep 0.2
done
curl -fsS -o /dev/null "http://$registry/v2/" || { cat "$work/registry.log" >&2; exit 1; }
echo "images-check: registry on $registry"

# --- Base images --------------------------------------------------------------------------------------
# The runtime the projects target: the newest of the installed SDK's runtimes for their framework.
framework="$(sed -n 's:.*<TargetFramework>net\([0-9.]*\)</TargetFramework>.*:\1:p' Directory.Build.props)"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
version="$(dotnet --list-runtimes | awk -v f="$framework." '$1 == "Microsoft.NETCore.App" && index($2, f) == 1 {print $2}' | sort -V | tail -1)"
aspnet_version="$(dotnet --list-runtimes | awk -v f="$framework." '$1 == "Microsoft.AspNetCore.App" && index($2, f) == 1 {print $2}' | sort -V | tail -1)"
if [ -z "$version" ] || [ -z "$aspnet_version" ]; then
  echo "images-check: no .NET $framework runtime installed" >&2
  exit 1
fi

# Debian 12, from the Debian mirror apt already uses (its bookworm one, else any of its Debian
# archives; Debian's own when none is configured), so a machine behind a mirror needs nothing else.
codename=bookworm
mirror="$(apt-cache policy | awk -v s="$codename/main" '$3 == s && $2 ~ /^https?:/ {print $2; exit}')"
[ -n "$mirror" ] || mirror="$(apt-cache policy | awk '$2 ~ /^https?:.*\/debian$/ && $3 ~ /\/main$/ {print $2; exit}')"
mirror="${mirror:-http://deb.debian.org/debian}"
echo "images-check: Debian $codename from $mirror, .NET $version, ASP.NET Core $aspnet_version"
# runtime-deps: the packages Microsoft's runtime-deps images add to their distribution's slim base
# (its 10.0 tag is Ubuntu 24.04; this is the same content on the Debian release apt here serves).
debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata \
  "$codename" "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log" >&2; exit 1; }
chroot "$work/base" groupadd --gid=1654 app
chroot "$work/base" useradd --no-log-init --uid=1654 --gid=1654 --create-home app
rm -rf "$work/base/var/cache/apt/archives/"*.deb "$work/base/var/lib/apt/lists/"* "$work/base/dev/"* \
  "$work/base/var/log/"*.log "$work/base/debootstrap"
# As a container image: no device nodes, no host names (the runtime provides both).
: >"$work/base/etc/hostname"
: >"$work/base/etc/resolv.conf"

# The runtime and ASP.NET Core layers, laid out as in Microsoft's images.
mkdir -p "$work/runtime/usr/share/dotnet/host/fxr" "$work/runtime/usr/share/dotnet/shared" \
  "$work/runtime/usr/bin" "$work/aspnet/usr/share/dotnet/shared"
cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$work/runtime/usr/share/dotnet/"
cp -a "$dotnet_root/host/fxr/$version" "$work/runtime/usr/share/dotnet/host/fxr/"
mkdir -p "$work/runtime/usr/share/dotnet/shared/Microsoft.NETCore.App" "$work/aspnet/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$version" "$work/runtime/usr/share/dotnet/shared/Microsoft.NETCore.App/"
cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet_version" "$work/aspnet/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
ln -s ../share/dotnet/dotnet "$work/runtime/usr/bin/dotnet"

# An OCI layout: one gzip layer per folder, a config and a manifest per image, tagged in index.json.
layout="$work/oci"
mkdir -p "$layout/blobs/sha256"
echo '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
blob() { # file -> its digest, stored as a blob
  local digest
  digest="$(sha256sum "$1" | cut -d' ' -f1)"
  mv "$1" "$layout/blobs/sha256/$digest"
  echo "$digest"
}
layer() { # folder -> "diff_id digest size"
  tar --numeric-owner --sort=name --mtime=@0 -C "$1" -cf "$work/layer.tar" .
  local diff_id
  diff_id="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
  gzip -n "$work/layer.tar"
  local size
  size="$(stat -c %s "$work/layer.tar.gz")"
  echo "$diff_id $(blob "$work/layer.tar.gz") $size"
}
read -r base_diff base_digest base_size < <(layer "$work/base")
read -r runtime_diff runtime_digest runtime_size < <(layer "$work/runtime")
read -r aspnet_diff aspnet_digest aspnet_size < <(layer "$work/aspnet")
manifests="[]"
image() { # name env-json "diff digest size"...
  local name="$1" image_env="$2"
  shift 2
  local diffs="[]" layers="[]" l
  for l in "$@"; do
    read -r d g s <<<"$l"
    diffs="$(jq -c --arg d "sha256:$d" '. + [$d]' <<<"$diffs")"
    layers="$(jq -c --arg g "sha256:$g" --argjson s "$s" \
      '. + [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $g, size: $s}]' <<<"$layers")"
  done
  jq -cn --argjson env "$image_env" --argjson diffs "$diffs" \
    '{architecture: "amd64", os: "linux", config: {Env: $env}, rootfs: {type: "layers", diff_ids: $diffs}}' >"$work/config.json"
  local config_size config_digest
  config_size="$(stat -c %s "$work/config.json")"
  config_digest="$(blob "$work/config.json")"
  jq -cn --arg c "sha256:$config_digest" --argjson cs "$config_size" --argjson layers "$layers" \
    '{schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $c, size: $cs}, layers: $layers}' >"$work/manifest.json"
  local manifest_size manifest_digest
  manifest_size="$(stat -c %s "$work/manifest.json")"
  manifest_digest="$(blob "$work/manifest.json")"
  manifests="$(jq -c --arg d "sha256:$manifest_digest" --argjson s "$manifest_size" --arg ref "$name" \
    '. + [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $d, size: $s,
           annotations: {"org.opencontainers.image.ref.name": $ref}}]' <<<"$manifests")"
}
runtime_env="$(jq -cn --arg v "$version" '["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080", "DOTNET_RUNNING_IN_CONTAINER=true", "DOTNET_VERSION=\($v)"]')"
aspnet_env="$(jq -c --arg v "$aspnet_version" '. + ["ASPNET_VERSION=\($v)"]' <<<"$runtime_env")"
image runtime "$runtime_env" "$base_diff $base_digest $base_size" "$runtime_diff $runtime_digest $runtime_size"
image aspnet "$aspnet_env" "$base_diff $base_digest $base_size" "$runtime_diff $runtime_digest $runtime_size" \
  "$aspnet_diff $aspnet_digest $aspnet_size"
jq -n --argjson m "$manifests" '{schemaVersion: 2, manifests: $m}' >"$layout/index.json"
for flavour in runtime aspnet; do
  skopeo copy -q --dest-tls-verify=false "oci:$layout:$flavour" "docker://$registry/dotnet/$flavour:$framework"
done
rm -rf "$work/base" "$work/runtime" "$work/aspnet" "$layout"
echo "images-check: base images $registry/dotnet/{runtime,aspnet}:$framework pushed"

# --- The build, by the same script a maintainer runs ---------------------------------------------------
# The SDK speaks HTTP only to registries it is told are insecure.
DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry" IMAGES_BASE_REGISTRY="$registry" \
  nice -n 10 bash scripts/images.sh "$registry"

# --- The manifests' view ------------------------------------------------------------------------------
# The production overlay as rendered by the repository's own renderer: every workload and the images
# it names, with the overlay's registry (registry.example.org) swapped for the local one.
overlay_registry="$(sed -n 's:^  newName\: \([^/]*\)/complaints-platform/.*:\1:p' deploy/overlays/production/kustomization.yaml | head -1)"
node deploy/validate/validate.mjs deploy/overlays/production --print >"$work/rendered.json"
jq --arg from "$overlay_registry/" --arg to "$registry/" \
  '[.rendered[] | select(.kind == "Deployment" or .kind == "Job")] | walk(if type == "object" and has("image") then .image |= sub("^" + $from; $to) else . end)' \
  "$work/rendered.json" >"$work/all-workloads.json"
# Only the images this repository builds; a pod's other containers (Reporting's Chromium) are not ours.
jq --arg r "$registry/complaints-platform/" \
  'map(.spec.template.spec.containers |= map(select(.image | startswith($r))))' "$work/all-workloads.json" >"$work/workloads.json"
jq '.rendered[] | select(.kind == "ConfigMap" and .metadata.name == "complaints-platform") | .data' "$work/rendered.json" >"$work/configmap.json"
mapfile -t images < <(jq -r --arg r "$registry/complaints-platform/" '[.[] | .spec.template.spec | (.containers + (.initContainers // []))[] | .image | select(startswith($r))] | unique[]' "$work/workloads.json")
mapfile -t built < <(grep -rl --include='*.csproj' '<ContainerRepository>' gateway services web tools)
if [ "${#images[@]}" -ne "${#built[@]}" ]; then
  echo "images-check: the manifests name ${#images[@]} images of ours, ${#built[@]} projects build one" >&2
  exit 1
fi

# Secrets: fresh random values, as deploy/SECRETS.md asks; the superuser's name is postgres.
mkdir -p "$work/secrets"
secrets="{}"
while IFS=/ read -r secret key; do
  value="$(openssl rand -hex 24)"
  [ "$secret/$key" = "complaints-postgres-superuser/username" ] && value=postgres
  mkdir -p "$work/secrets/$secret"
  printf '%s' "$value" >"$work/secrets/$secret/$key"
  secrets="$(jq -c --arg s "$secret" --arg k "$key" --arg v "$value" '.[$s][$k] = $v' <<<"$secrets")"
done < <(jq -r '[.. | objects | select(has("secretKeyRef")) | .secretKeyRef | "\(.name)/\(.key)"] | unique[]' "$work/workloads.json")
echo "$secrets" >"$work/secrets.json"

# --- Each image through the registry API, then unpacked -----------------------------------------------
accept="application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json"
declare -A size_of user_of entry_of
failed=0
mkdir -p "$work/rootfs" "$work/blobs"
for ref in "${images[@]}"; do
  repo="${ref#"$registry"/}"
  repo="${repo%:*}"
  tag="${ref##*:}"
  manifest="$(curl -fsS -H "Accept: $accept" "http://$registry/v2/$repo/manifests/$tag")" ||
    { echo "images-check: $ref: no manifest" >&2; failed=1; continue; }
  config="$(curl -fsS "http://$registry/v2/$repo/blobs/$(jq -r .config.digest <<<"$manifest")")"
  size_of[$ref]="$(jq '[.config.size, .layers[].size] | add' <<<"$manifest")"
  user_of[$ref]="$(jq -r '.config.User // ""' <<<"$config")"
  problems=()
  case "${user_of[$ref]}" in app | 1654 | app:app | 1654:1654) ;; *) problems+=("user '${user_of[$ref]}' is not app") ;; esac
  # The default base's port; the manifests set their own with Kestrel__Endpoints__*__Url.
  jq -e '.config.Env | index("ASPNETCORE_HTTP_PORTS=8080")' <<<"$config" >/dev/null || problems+=("no ASPNETCORE_HTTP_PORTS=8080")
  mapfile -t entry < <(jq -r '.config.Entrypoint // [] | .[]' <<<"$config")
  workdir="$(jq -r '.config.WorkingDir // "/"' <<<"$config")"
  ((${#entry[@]})) || problems+=("no entry point")

  # Layers in order; a whiteout (.wh.<name>) deletes <name> of the layers below, an opaque one
  # (.wh..wh..opq) empties its folder, then the layer's own files are unpacked.
  dir="$work/rootfs/$(basename "$repo")_$tag"
  mkdir -p "$dir"
  while IFS= read -r digest; do
    curl -fsS -o "$work/blobs/layer" "http://$registry/v2/$repo/blobs/$digest"
    while IFS= read -r entry_path; do
      entry_path="${entry_path#./}"
      parent="$(dirname "$entry_path")"
      base="$(basename "$entry_path")"
      if [ "$base" = ".wh..wh..opq" ]; then
        find "$dir/$parent" -mindepth 1 -delete
      else
        rm -rf "${dir:?}/$parent/${base#.wh.}"
      fi
    done < <(tar -tf "$work/blobs/layer" | grep -E '(^|/)\.wh\.[^/]+$' || true)
    tar --numeric-owner --exclude='.wh.*' -xf "$work/blobs/layer" -C "$dir"
  done < <(jq -r '.layers[].digest' <<<"$manifest")
  rm -f "$work/blobs/layer"
  echo "$config" >"$dir.config.json"
  [ -d "$dir/$workdir" ] || problems+=("no working directory $workdir")
  # The entry point: the project's apphost, or the image's dotnet (on its PATH) with the project's dll.
  program="${entry[0]:-}"
  if [ -n "$program" ] && [ "${program#/}" = "$program" ]; then
    for bin in $(jq -r '.config.Env[] | select(startswith("PATH=")) | .[5:] | split(":")[]' <<<"$config"); do
      if [ -x "$dir/$bin/$program" ]; then program="$bin/$program"; break; fi
    done
  fi
  [ -n "$program" ] && [ -x "$dir/$program" ] || problems+=("entry point ${entry[*]} is not an executable of the image")
  if [ "$(basename "$program")" = dotnet ]; then
    dll="${entry[1]:-}"
    [ "${dll#/}" != "$dll" ] || dll="$workdir/$dll"
    [ -f "$dir/$dll" ] && [[ "$dll" == *.dll ]] || problems+=("${entry[1]:-the dll} is not a dll of the image")
  fi
  entry_of[$ref]="${entry[*]}"
  # The pod's host names (Services, the database's read-write Service) on this loopback.
  {
    echo "127.0.0.1 localhost"
    jq -r '"127.0.0.1 complaints-postgres-rw redis " + ([.[] | .metadata.name] | join(" "))' "$work/workloads.json"
  } >"$dir/etc/hosts"
  if ((${#problems[@]})); then
    echo "images-check: $ref: ${problems[*]}" >&2
    failed=1
  fi
done

# --- Started as the manifests run them, in namespaces of their own --------------------------------------
: >"$work/results.tsv"
unshare --net --mount --pid --fork --mount-proc bash "$root/scripts/images-check.sh" --inside "$work" || failed=1

printf '%-58s %8s %-5s %5s %-7s %7s %-7s %s\n' IMAGE SIZE USER PORT /ALIVE SECONDS /HEALTH ENTRYPOINT
while IFS=$'\t' read -r ref port alive seconds health; do
  printf '%-58s %6.1fMB %-5s %5s %-7s %7s %-7s %s\n' "$ref" "$(echo "${size_of[$ref]:-0} / 1048576" | bc -l)" \
    "${user_of[$ref]:-?}" "$port" "$alive" "$seconds" "$health" "${entry_of[$ref]:-?}"
done <"$work/results.tsv"
echo "images-check: $(( $(date +%s) - began )) s"
exit "$failed"
