"""The front door (``hooks/ita.py``): one command with verbs, on Linux, macOS and Windows alike.

``console`` makes the output readable in Thai on any console; ``bootstrap`` makes ``.venv`` from the
hashed lock with the standard library only; ``verbs`` says what each verb is and what it runs;
``cli`` reads the command line, sets up, and hands the verb to the ``.venv`` Python; ``serve`` and
``developer`` run the verbs that are more than one entry script. Nothing here imports the engine
(``itagen``) or any installed package: it must run before ``.venv`` exists.
"""
