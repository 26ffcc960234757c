# copydesk worker image. Build context: the repository root.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Dependencies first, pinned by constraints.txt, so code changes do not reinstall them.
COPY pyproject.toml constraints.txt README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > requirements.txt \
    && pip install --no-cache-dir -c constraints.txt -r requirements.txt

# Then copydesk itself, a plain install: the wheel carries the schemas (agents/schemas/).
COPY agents agents
COPY schemas schemas
RUN pip install --no-cache-dir --no-deps . && rm -rf agents schemas build requirements.txt
RUN useradd --system --home /app copydesk
USER copydesk

ENTRYPOINT ["copydesk"]
CMD ["worker"]
