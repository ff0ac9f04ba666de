"""Output formats: the same views written as Markdown, HTML, PDF, plain text or Word."""
