"""Form helpers shared by the dashboard's POST-only views."""


def errors_as_text(form):
    """A form's errors in one line, each with its field's label: «Комментарий: не более 255 символов.»

    For views that answer a POST with a message and a redirect rather than the form again.
    """
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = f"{field.label}: " if field is not None and field.label else ""
        parts += [f"{label}{error}" for error in errors]
    return " ".join(parts)
