# copydesk worker image. Build context: the repository root.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Dependencies first, pinned by constraints.txt, so code changes do not reinstall them.
COPY pyproject.toml constraints.txt README.md ./
COPY agents/__init__.py agents/
RUN pip install --no-cache-dir -c constraints.txt -e . && rm -rf agents

# The editable install points at /app/agents; the package reads /app/schemas at run time.
COPY agents agents
COPY schemas schemas
RUN useradd --system --home /app copydesk
USER copydesk

ENTRYPOINT ["copydesk"]
CMD ["worker"]
