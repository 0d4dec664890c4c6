"""The Streamlit side of civhub: page files, widgets and the cached read-only connection.

The only package that imports streamlit; everything it shows comes from ``civhub`` functions.
"""
