" Test helper (not for users): every 100 ms, writes what the user would see to $ANCHOR_STATE as
" JSON (the buffer's lines, ALE's anchor-lint diagnostics, the mode, whether the completion menu
" is open), so that the e2e test can poll instead of sleeping.
function! s:AnchorState(timer) abort
  let l:buffer = bufnr('')
  let l:diagnostics = []
  for l:item in get(get(g:, 'ale_buffer_info', {}), l:buffer, {'loclist': []}).loclist
    if get(l:item, 'linter_name', '') is# 'anchor-lint'
      call add(l:diagnostics, {'line': l:item.lnum, 'code': get(l:item, 'code', ''), 'message': l:item.text})
    endif
  endfor
  let l:state = {
  \ 'file': expand('%:t'),
  \ 'mode': mode(),
  \ 'pum': pumvisible() ? v:true : v:false,
  \ 'changedtick': b:changedtick,
  \ 'lines': getline(1, '$'),
  \ 'diagnostics': l:diagnostics,
  \}
  call writefile([json_encode(l:state)], $ANCHOR_STATE . '.tmp')
  call rename($ANCHOR_STATE . '.tmp', $ANCHOR_STATE)
endfunction
call timer_start(100, function('s:AnchorState'), {'repeat': -1})
