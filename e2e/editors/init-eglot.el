;;; Test start-up (not for users): the setup of docs/editors.md (eglot.el), then the test's state
;;; helper. Started with -q, so that nothing else of the (empty) home folder is read.
(load (expand-file-name "eglot.el" (file-name-directory load-file-name)) nil t)
(load (expand-file-name "state-eglot.el" (file-name-directory load-file-name)) nil t)
(setq inhibit-startup-screen t)
