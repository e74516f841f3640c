-- anchor-lint language server for *.anchor.json, with Neovim's built-in client (0.7 and later).
local anchor_lint_client_id
vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = "*.anchor.json",
  callback = function(args)
    anchor_lint_client_id = anchor_lint_client_id
      or vim.lsp.start_client({
        name = "anchor-lint",
        cmd = { "anchor-lint-language-server", "--stdio" },
        root_dir = vim.fn.getcwd(),
        settings = { anchorLint = { enable = true } },
      })
    vim.lsp.buf_attach_client(args.buf, anchor_lint_client_id)
    -- <C-x><C-o> completes from the server.
    vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
  end,
})
