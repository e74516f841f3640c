-- Test helper (not for users): every 100 ms, writes what the user would see to $ANCHOR_STATE as
-- JSON (the buffer's lines, anchor-lint's diagnostics, whether the client is ready, the mode and
-- whether the completion menu is open), so that the e2e test can poll instead of sleeping.
local out = os.getenv("ANCHOR_STATE")
local timer = vim.loop.new_timer()
timer:start(100, 100, vim.schedule_wrap(function()
  local buf = vim.api.nvim_get_current_buf()
  local ready = false
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
    ready = ready or client.initialized == true
  end
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diagnostics, { line = d.lnum + 1, code = d.code or lsp.code, message = d.message })
  end
  local state = {
    file = vim.fn.expand("%:t"),
    ready = ready,
    mode = vim.fn.mode(),
    pum = vim.fn.pumvisible() == 1,
    changedtick = vim.b.changedtick,
    lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false),
    diagnostics = diagnostics,
  }
  local file = io.open(out .. ".tmp", "w")
  if file then
    file:write(vim.fn.json_encode(state))
    file:close()
    os.rename(out .. ".tmp", out)
  end
end))
