-- Test driver (not for users): loads neovim.lua as a user would, opens the file given in
-- $PROBE_FILE, waits for anchor-lint's diagnostics, asks for completion at $PROBE_LINE/$PROBE_COL
-- (1-based), prints one JSON object on stdout and quits.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
-- As in a normal start-up (-u skips it), so that the buffer gets the json filetype.
vim.cmd("filetype on")
dofile(here .. "neovim.lua")

local result = { diagnostics = {}, completion = {}, errors = {} }
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("PROBE_FILE")))
local buf = vim.api.nvim_get_current_buf()

local line, col = tonumber(os.getenv("PROBE_LINE")), tonumber(os.getenv("PROBE_COL"))
local ready
if line and col then
  ready = vim.wait(15000, function()
    local clients = vim.lsp.buf_get_clients(buf)
    return next(clients) ~= nil and select(2, next(clients)).initialized
  end, 50)
else
  ready = vim.wait(15000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
end
if not ready then
  table.insert(result.errors, line and "the server did not start within 15 s" or "no diagnostics within 15 s")
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(result.diagnostics, {
    line = d.lnum + 1,
    column = d.col + 1,
    severity = d.severity,
    message = d.message,
    source = d.source or lsp.source,
    code = d.code or lsp.code,
  })
end

if line and col then
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    position = { line = line - 1, character = col - 1 },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, 10000)
  if not responses then
    table.insert(result.errors, "completion: " .. tostring(err))
  end
  for _, response in pairs(responses or {}) do
    if response.error then
      table.insert(result.errors, "completion: " .. vim.inspect(response.error))
    end
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      table.insert(result.completion, { label = item.label, detail = item.detail })
    end
  end
end

-- Code actions at $PROBE_ACTION_LINE/$PROBE_ACTION_COL (1-based), for the diagnostics on that line.
local aline, acol = tonumber(os.getenv("PROBE_ACTION_LINE")), tonumber(os.getenv("PROBE_ACTION_COL"))
result.actions = {}
if aline and acol then
  local position = { line = aline - 1, character = acol - 1 }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = position, ["end"] = position },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, aline - 1) },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
  if not responses then
    table.insert(result.errors, "code actions: " .. tostring(err))
  end
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      local edits = {}
      for _, change in pairs(action.edit and action.edit.changes or {}) do
        for _, edit in ipairs(change) do
          table.insert(edits, edit.newText)
        end
      end
      for _, change in ipairs(action.edit and action.edit.documentChanges or {}) do
        for _, edit in ipairs(change.edits or {}) do
          table.insert(edits, edit.newText)
        end
      end
      table.insert(result.actions, { title = action.title, kind = action.kind, newTexts = edits })
    end
  end
end

io.stdout:write(vim.fn.json_encode(result) .. "\n")
vim.cmd("qa!")
