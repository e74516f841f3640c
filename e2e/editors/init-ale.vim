" Test start-up (not for users): what a user's ~/.vimrc does, that is `filetype plugin on` (which
" -u skips) and the setup of docs/editors.md (ale.vim), then the test's state helper.
set nocompatible
filetype plugin on
let s:here = expand('<sfile>:p:h')
execute 'source ' . fnameescape(s:here . '/ale.vim')
execute 'source ' . fnameescape(s:here . '/state-ale.vim')
