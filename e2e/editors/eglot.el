;; anchor-lint language server for *.anchor.json, with eglot (Emacs 28 and later, eglot 1.9 and later).
(require 'eglot)
(define-derived-mode anchor-json-mode js-mode "Anchor-JSON"
  "Major mode for Anchor Browser batch-session configs (*.anchor.json).")
(add-to-list 'auto-mode-alist '("\\.anchor\\.json\\'" . anchor-json-mode))
(add-to-list 'eglot-server-programs
             '((anchor-json-mode :language-id "json") "anchor-lint-language-server" "--stdio"))
(add-hook 'anchor-json-mode-hook #'eglot-ensure)
