# Puts this repo's Node 22 and pnpm 10 on the PATH of the current shell, installing them
# into .tools/ first when the machine's are older or missing (scripts/waymark.mjs does the
# work; `npm test` and `npm run demo` need none of this). Source it:
#   source scripts/bootstrap.sh
eval "$(node "$(dirname "${BASH_SOURCE[0]}")/waymark.mjs" env)"
