FORMATTED_FIELDS = ['summary']
