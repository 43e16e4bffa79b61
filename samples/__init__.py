"""The bundled sample catalog (``sample-catalog.json``): well-known procedures written for the workbench from their
public descriptions. A package only so that the wheel carries the file; read it through :mod:`importlib.resources`
(``files("samples") / "sample-catalog.json"``), never by a path relative to the source tree."""
