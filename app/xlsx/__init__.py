"""Excel workbooks for colleagues: the shared layout, safe cell values, export."""
