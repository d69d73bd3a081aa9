#!/usr/bin/env bash
# Runs a Dockerfile's steps on this host, without a Docker engine, so that
# the example Dockerfile cannot rot unnoticed:
#
#   bash integration/deploy/dockerfile-steps.sh \
#       --build-context gorch-src=. integration/deploy/Dockerfile path/to/module [-- args]
#
# Each stage gets a directory of its own under a work directory; WORKDIR and
# COPY act inside it, RUN runs its command with /bin/sh there, and at the
# end the last stage's ENTRYPOINT runs with the arguments after `--`. Its
# exit status is the script's.
#
# What the images would provide comes from the host: go, cargo and the C
# compiler on PATH (the script prints their versions beside the image each
# FROM names). A cache mount is the host's own cache (GOCACHE, GOMODCACHE,
# GORCH_CACHE as the environment sets them). Variables that would make the
# host's builds differ from the image's (GOFLAGS, GOOS, GOARCH, GOWORK,
# CARGO_TARGET_DIR, ...) are unset. Only the instructions below are known;
# anything else stops the script, so that the example never uses a step
# this check skips.
set -euo pipefail

die() { echo "dockerfile-steps: $*" >&2; exit 1; }

declare -A contexts=()
work=""
while [ $# -gt 0 ]; do
  case $1 in
    --build-context) [ $# -ge 2 ] || die "--build-context needs NAME=DIR"
      contexts[${2%%=*}]=$(cd "${2#*=}" && pwd); shift 2 ;;
    --work) [ $# -ge 2 ] || die "--work needs a directory"; work=$2; shift 2 ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || die "usage: dockerfile-steps.sh [--build-context NAME=DIR]... [--work DIR] DOCKERFILE CONTEXT [-- ARGS]"
dockerfile=$1
main_context=$(cd "$2" && pwd)
shift 2
[ "${1:-}" = "--" ] && shift
[ -e "$main_context/.dockerignore" ] && die "$main_context/.dockerignore: .dockerignore is not supported here"
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

unset GOFLAGS GOOS GOARCH GOWORK GOENV CARGO_TARGET_DIR CARGO_BUILD_TARGET RUSTFLAGS CARGO_ENCODED_RUSTFLAGS
unset TOOLEXEC_IMPORTPATH GORCH_LOG
export GOTOOLCHAIN=local

declare -A args=() stages=()
stage="" root="" cwd="" entrypoint=()

# ${NAME} and $NAME of ARGs declared so far.
expand() {
  local text=$1 name
  for name in "${!args[@]}"; do
    text=${text//\$\{$name\}/${args[$name]}}
    text=${text//\$$name/${args[$name]}}
  done
  case $text in *'$'*) die "$where: unknown variable in: $text" ;; esac
  printf '%s' "$text"
}

# A path inside the current stage.
in_stage() {
  case $1 in
    /*) printf '%s%s' "$root" "$1" ;;
    *) printf '%s/%s' "$cwd" "$1" ;;
  esac
}

copy() { # COPY [--from=X] SRC... DEST
  local from="" base dest src target
  local -a words
  read -r -a words <<<"$(expand "$1")"
  case ${words[0]} in
    --from=*) from=${words[0]#--from=}; words=("${words[@]:1}") ;;
    --*) die "$where: COPY option ${words[0]} is not supported here" ;;
  esac
  [ ${#words[@]} -ge 2 ] || die "$where: COPY needs a source and a destination"
  dest=$(in_stage "${words[-1]}")
  unset 'words[-1]'
  if [ ${#words[@]} -gt 1 ]; then
    case $dest in */) ;; *) die "$where: COPY of several sources needs a destination ending in /" ;; esac
  fi
  for src in "${words[@]}"; do
    if [ -z "$from" ]; then
      base=$main_context
    elif [ -n "${stages[$from]:-}" ]; then
      base=${stages[$from]}
      case $src in /*) ;; *) die "$where: COPY --from=$from needs an absolute path, not $src" ;; esac
    elif [ -n "${contexts[$from]:-}" ]; then
      base=${contexts[$from]}
    else
      die "$where: COPY --from=$from: no stage or --build-context of that name"
    fi
    src=$base/${src#/}
    [ -e "$src" ] || die "$where: COPY: $src does not exist"
    if [ -d "$src" ]; then
      mkdir -p "$dest"
      cp -a "$src/." "$dest/"
    else
      case $dest in
        */) mkdir -p "$dest"; target=$dest$(basename "$src") ;;
        *) if [ -d "$dest" ]; then target=$dest/$(basename "$src"); else mkdir -p "$(dirname "$dest")"; target=$dest; fi ;;
      esac
      cp -a "$src" "$target"
    fi
  done
}

run() { # RUN [--mount=type=cache,...]... COMMAND
  local rest=$1
  while [[ $rest =~ ^--mount=([^[:space:]]+)[[:space:]]+(.*)$ ]]; do
    case ${BASH_REMATCH[1]} in
      type=cache,*) ;;
      *) die "$where: RUN --mount=${BASH_REMATCH[1]}: only cache mounts are supported here" ;;
    esac
    rest=${BASH_REMATCH[2]}
  done
  case $rest in --*) die "$where: RUN option ${rest%% *} is not supported here" ;; esac
  echo "+ $rest"
  (cd "$cwd" && PATH="$root/usr/local/bin:$PATH" /bin/sh -c "$rest") || die "$where: RUN failed"
}

from() { # FROM IMAGE [AS NAME]
  local -a words
  read -r -a words <<<"$(expand "$1")"
  stage=${#stages[@]}
  if [ ${#words[@]} -eq 3 ] && [ "${words[1],,}" = as ]; then
    stage=${words[2]}
  elif [ ${#words[@]} -ne 1 ]; then
    die "$where: FROM IMAGE [AS NAME] expected"
  fi
  root=$work/stage-$stage
  rm -rf "$root"
  mkdir -p "$root"
  cwd=$root
  stages[$stage]=$root
  local host
  case ${words[0]} in
    rust:*) host=$(cargo --version) ;;
    golang:*) host=$(go version) ;;
    *) host="the files it is given" ;;
  esac
  echo "== stage $stage: ${words[0]} (here: $host)"
}

where=""
lineno=0 start=0 instruction=""
finish() {
  [ -n "$instruction" ] || return 0
  where="$dockerfile:$start"
  local keyword=${instruction%%[[:space:]]*} rest=""
  [[ $instruction == *[[:space:]]* ]] && rest=${instruction#*[[:space:]]}
  rest=${rest#"${rest%%[![:space:]]*}"}
  case ${keyword^^} in
    ARG) local name=${rest%%=*}
      [[ $rest == *=* ]] || die "$where: ARG needs a default value here"
      args[$name]=$(expand "${rest#*=}") ;;
    FROM) from "$rest" ;;
    WORKDIR) [ -n "$stage" ] || die "$where: WORKDIR before FROM"
      cwd=$(in_stage "$(expand "$rest")"); mkdir -p "$cwd" ;;
    COPY) [ -n "$stage" ] || die "$where: COPY before FROM"; copy "$rest" ;;
    RUN) [ -n "$stage" ] || die "$where: RUN before FROM"; run "$rest" ;;
    ENTRYPOINT) [[ $rest =~ ^\[[[:space:]]*\"([^\"]+)\"[[:space:]]*\]$ ]] ||
        die "$where: only ENTRYPOINT [\"/path\"] is supported here"
      entrypoint=("${BASH_REMATCH[1]}") ;;
    *) die "$where: $keyword is not supported here" ;;
  esac
  instruction=""
}

while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  if [ -z "$instruction" ]; then
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    start=$lineno
  elif [[ $line =~ ^[[:space:]]*# ]]; then
    continue
  fi
  if [[ $line =~ ^(.*)\\[[:space:]]*$ ]]; then
    instruction+="${BASH_REMATCH[1]} "
  else
    instruction+=$line
    finish
  fi
done <"$dockerfile"
[ -z "$instruction" ] || die "$dockerfile:$start: the last instruction ends with a line continuation"

[ ${#entrypoint[@]} -eq 1 ] || die "$dockerfile: no ENTRYPOINT to run"
program=$root${entrypoint[0]}
[ -x "$program" ] || die "$dockerfile: ENTRYPOINT ${entrypoint[0]} is not an executable file in stage $stage"
echo "== ENTRYPOINT ${entrypoint[0]} $*"
exec "$program" "$@"
