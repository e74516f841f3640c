" anchor-lint language server for *.anchor.json, with ALE (Vim 8.2+/Neovim; ALE 3.3 and later).
packadd! ale
augroup anchor_lint
  autocmd!
  autocmd BufRead,BufNewFile *.anchor.json setlocal filetype=json.anchor
  " <C-x><C-o> completes from the server.
  autocmd FileType json.anchor setlocal omnifunc=ale#completion#OmniFunc
augroup END
call ale#linter#Define('anchor', {
\   'name': 'anchor-lint',
\   'lsp': 'stdio',
\   'language': 'json',
\   'executable': 'anchor-lint-language-server',
\   'command': '%e --stdio',
\   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\})
let g:ale_linters = get(g:, 'ale_linters', {})
let g:ale_linters.anchor = ['anchor-lint']
