# shellcheck shell=sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by check-po.sh: one place that knows how the
# template is extracted. The arguments mirror meson's i18n 'glib' preset
# (po/meson.build), so the template made here is the one `ninja award-desk-pot`
# would make.

AWD_GETTEXT_PACKAGE=award-desk

awd_xgettext_args() {
  printf '%s\n' \
    --package-name="$AWD_GETTEXT_PACKAGE" \
    --from-code=UTF-8 \
    --add-comments \
    --keyword=_ \
    --keyword=N_ \
    --keyword=C_:1c,2 \
    --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 \
    --keyword=g_dngettext:2,3 \
    --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format \
    --flag=C_:2:pass-c-format \
    --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format \
    --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format \
    --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format \
    --flag=g_log:3:c-format \
    --flag=g_print:1:c-format \
    --flag=g_printerr:1:c-format \
    --flag=g_printf:1:c-format \
    --flag=g_fprintf:2:c-format \
    --flag=g_sprintf:2:c-format \
    --flag=g_snprintf:3:c-format
}

# awd_make_pot SRCDIR OUT.pot: extract every file listed in SRCDIR/po/POTFILES.in.
awd_make_pot() {
  _srcdir=$1
  _out=$2
  # xgettext reads a POTFILES list but not its comments or blank lines.
  _list=$(mktemp)
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$_srcdir/po/POTFILES.in" > "$_list"
  # The version, as po/meson.build passes it: project(…, version: 'X', …).
  _version=$(sed -n "s/^[[:space:]]*version:[[:space:]]*'\([^']*\)'.*/\1/p" "$_srcdir/meson.build" | head -n 1)
  # shellcheck disable=SC2046 # one argument per line, none has spaces
  xgettext $(awd_xgettext_args) ${_version:+--package-version="$_version"} \
    --directory="$_srcdir" --files-from="$_list" --output="$_out" --force-po
  _rc=$?
  rm -f "$_list"
  return $_rc
}
