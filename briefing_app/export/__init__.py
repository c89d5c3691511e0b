"""Brief -> PDF with ReportLab. Reads only ``briefing_app.core``."""
