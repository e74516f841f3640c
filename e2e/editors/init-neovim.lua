-- Test start-up (not for users): what a user's init.lua does, that is `filetype on` (which -u
-- skips) and the setup of docs/editors.md (neovim.lua), then the test's state helper.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
vim.cmd("filetype on")
dofile(here .. "neovim.lua")
dofile(here .. "state-neovim.lua")
