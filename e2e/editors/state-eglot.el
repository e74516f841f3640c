;;; Test helper (not for users): every 100 ms, writes what the user would see to $ANCHOR_STATE as
;;; JSON (the current buffer's lines, flymake's anchor-lint diagnostics, whether a completion list
;;; or the minibuffer is up), so that the e2e test can poll instead of sleeping.
(require 'json)

(defun anchor-state--write ()
  (let* ((out (getenv "ANCHOR_STATE"))
         (buffer (window-buffer (minibuffer-selected-window)))
         (buffer (if (minibufferp buffer) (other-buffer) buffer))
         (buffer (if (string-prefix-p "*" (buffer-name buffer)) (window-buffer (frame-first-window)) buffer))
         diagnostics)
    (with-current-buffer buffer
      (when (bound-and-true-p flymake-mode)
        (dolist (d (flymake-diagnostics))
          (let ((text (flymake-diagnostic-text d)))
            ;; eglot writes "source [code]: message".
            (when (string-match "\\`anchor-lint \\[\\([^]]+\\)\\]: " text)
              (push `((line . ,(line-number-at-pos (flymake-diagnostic-beg d)))
                      (code . ,(match-string 1 text))
                      (message . ,(substring text (match-end 0))))
                    diagnostics)))))
      (let ((state `((file . ,(file-name-nondirectory (or buffer-file-name (buffer-name))))
                     (mode . ,(if (or (active-minibuffer-window) (get-buffer-window "*Completions*")) "i" "n"))
                     (pum . ,(if (get-buffer-window "*Completions*") t :json-false))
                     (changedtick . ,(buffer-chars-modified-tick))
                     (lines . ,(vconcat (split-string (string-remove-suffix "\n" (buffer-substring-no-properties (point-min) (point-max))) "\n")))
                     (diagnostics . ,(vconcat (nreverse diagnostics))))))
        (let ((coding-system-for-write 'utf-8))
          (with-temp-file (concat out ".tmp") (insert (json-encode state))))
        (rename-file (concat out ".tmp") out t)))))

(run-with-timer 0.1 0.1 (lambda () (ignore-errors (anchor-state--write))))
