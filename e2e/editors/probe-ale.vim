" Test driver (not for users): loads ale.vim as a user would, opens $PROBE_FILE, waits for
" anchor-lint's diagnostics from ALE and writes one JSON object to $PROBE_OUT.
set nocompatible
filetype plugin on
execute 'source ' . fnameescape(expand('<sfile>:p:h') . '/ale.vim')
" ALE is normally loaded after the vimrc; in -es mode plugins are not loaded at all.
runtime! plugin/ale.vim

let s:errors = []
execute 'edit ' . fnameescape($PROBE_FILE)
" Lint now rather than waiting for ALE's timers, which the ex-mode loop does not tick reliably.
ALELint

function! s:Loclist() abort
  return get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])
endfunction

let s:deadline = reltimefloat(reltime()) + 20
while empty(s:Loclist()) && reltimefloat(reltime()) < s:deadline
  sleep 100m
endwhile
if empty(s:Loclist())
  call add(s:errors, 'no diagnostics within 20 s')
endif

let s:diagnostics = []
for s:item in s:Loclist()
  call add(s:diagnostics, {
  \ 'line': s:item.lnum,
  \ 'column': s:item.col,
  \ 'type': s:item.type,
  \ 'code': get(s:item, 'code', ''),
  \ 'linter': get(s:item, 'linter_name', ''),
  \ 'message': s:item.text,
  \})
endfor
call writefile([json_encode({'diagnostics': s:diagnostics, 'errors': s:errors})], $PROBE_OUT)
qa!
