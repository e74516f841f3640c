;;; Test driver (not for users): loads eglot.el as a user would, opens $PROBE_FILE, waits for
;;; anchor-lint's diagnostics through flymake, prints one JSON object on stdout.
(require 'json)
(load (expand-file-name "eglot.el" (file-name-directory load-file-name)) nil t)

(defun probe--wait (predicate seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      ;; No command loop in batch mode: run what it would run after each command, which is
      ;; where eglot-ensure connects and flymake starts.
      (run-hooks 'post-command-hook)
      (accept-process-output nil 0.1))
    (funcall predicate)))

(let ((errors '()) (diagnostics '()))
  (find-file (getenv "PROBE_FILE"))
  (unless (probe--wait (lambda () (and (eglot-current-server) (flymake-diagnostics))) 20)
    (push (format "no diagnostics within 20 s (server: %s)" (eglot-current-server)) errors))
  (dolist (d (flymake-diagnostics))
    (push `((line . ,(line-number-at-pos (flymake-diagnostic-beg d)))
            (column . ,(save-excursion (goto-char (flymake-diagnostic-beg d)) (1+ (current-column))))
            (type . ,(symbol-name (flymake-diagnostic-type d)))
            (message . ,(flymake-diagnostic-text d)))
          diagnostics))
  (princ (json-encode `((diagnostics . ,(vconcat (nreverse diagnostics)))
                        (errors . ,(vconcat errors)))))
  (terpri)
  (when (eglot-current-server) (ignore-errors (eglot-shutdown (eglot-current-server))))
  (kill-emacs 0))
